// The gate passed: the scenarios as JUnit XML, the rulebook jar with its manifest, the host's test green.
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('scenario(s):') && log.contains('0 failed, 0 not run; row coverage 100.0%')
assert log.contains('rules: 0 error(s), 0 warning(s)') || log.contains('rulebook: 0 error(s), 0 warning(s)')

def xml = new File(basedir, 'rules/target/surefire-reports/TEST-good-rules.rulebook.xml')
assert xml.isFile()
def doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
def suite = doc.documentElement
assert suite.getAttribute('failures') == '0' && suite.getAttribute('errors') == '0'
def cases = doc.getElementsByTagName('testcase')
assert cases.length == 36 // 35 scenarios and the row-coverage case
assert cases.item(0).getAttribute('name') == 'SC-W-001 (warranty.xlsx!Scenarios 测试场景!A5)'

def jar = new JarFile(new File(basedir, 'rules/target/good-rules-1.0.0.jar'))
try {
    def props = new Properties()
    props.load(jar.getInputStream(jar.getEntry('META-INF/autoclaims/rulebook.properties')))
    assert props.name == 'autoclaims default rulebook'
    assert props.version == '2026.1'
    assert props.fingerprint ==~ /[0-9a-f]{64}/
    assert props.groupId == 'it.rules' && props.artifactId == 'good-rules' && props.artifactVersion == '1.0.0'
    assert props.getProperty('workbook.0') == 'warranty.xlsx'
    assert props.getProperty('file.0') == 'scenarios/warranty.jsonl'
    assert jar.getEntry('META-INF/autoclaims/rulebook/warranty.xlsx') != null
    assert jar.getEntry('META-INF/autoclaims/rulebook/scenarios/warranty.jsonl') != null
} finally {
    jar.close()
}
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
return true
