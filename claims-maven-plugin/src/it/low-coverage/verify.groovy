// Scenarios that pass but reach too few rule rows fail the build, listing the rows not reached.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('1 scenario(s): 1 passed, 0 failed')
assert log =~ /row coverage \d+\.\d% is under minRowCoverage 100%/
assert log.contains('not reached: ')
return true
