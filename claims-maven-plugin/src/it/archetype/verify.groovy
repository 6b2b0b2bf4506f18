// The generated rule repository: the default rulebook, its scenarios, the plugin configured, a README, a CI script; it builds green.
import java.util.jar.JarFile

def repo = new File(basedir, 'generated/warranty-rules') // generated beside, not inside, the pom of this folder
['pom.xml', 'README.md', '.ci/run', '.gitignore', 'src/main/rulebook/warranty.xlsx', 'src/main/rulebook/insurance.xlsx',
 'src/main/rulebook/assistance.xlsx', 'src/main/rulebook/scenarios/warranty.jsonl'].each {
    assert new File(repo, it).isFile() : it
}
def pom = new File(repo, 'pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>claims-maven-plugin</artifactId>')
assert pom.contains('<groupId>com.example.rules</groupId>') && pom.contains('<claims.version>@project.version@</claims.version>')
assert new File(repo, 'README.md').getText('UTF-8').contains('Rulebook.fromClasspath("com.example.rules:warranty-rules")')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('0 failed, 0 not run; row coverage 100.0%')
def xml = new File(repo, 'target/surefire-reports/TEST-warranty-rules.rulebook.xml').getText('UTF-8')
assert xml.contains('tests="96"') && xml.contains('failures="0"') // 95 scenarios and the row-coverage case
def jar = new JarFile(new File(repo, 'target/warranty-rules-1.0.0-SNAPSHOT.jar'))
try {
    def props = new Properties()
    props.load(jar.getInputStream(jar.getEntry('META-INF/autoclaims/rulebook.properties')))
    assert props.groupId == 'com.example.rules' && props.artifactId == 'warranty-rules'
    assert props.getProperty('workbook.2') != null
} finally {
    jar.close()
}
return true
