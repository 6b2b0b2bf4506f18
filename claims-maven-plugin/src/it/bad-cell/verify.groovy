// A text in a number cell fails the build at validate, naming the cell in both languages.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('warranty.xlsx!Terms 保修期限!D8')
assert log.contains('"30 thousand" is not a whole number')
assert log.contains('BUILD FAILURE')
assert log.contains('the rule workbooks have 1 error(s)')
assert new File(basedir, 'target/claims/check.json').getText('UTF-8').contains('"cell":"D8"') || new File(basedir, 'target/claims/check.json').getText('UTF-8').contains('D8')
assert !new File(basedir, 'target/surefire-reports').exists() // stopped before the scenarios
return true
