// A failing scenario fails the build at test, naming the scenario and the field that differs; the JUnit XML shows it.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('FAIL SC-W-001 (warranty.xlsx!Scenarios 测试场景!A5)')
assert log.contains('decision: expected DENIED, got APPROVED')
assert log.contains('1 scenario(s) failed or did not run')
def xml = new File(basedir, 'target/surefire-reports/TEST-failing-scenario.rulebook.xml').getText('UTF-8')
assert xml.contains('failures="1"')
assert xml.contains('decision: expected DENIED, got APPROVED')
return true
