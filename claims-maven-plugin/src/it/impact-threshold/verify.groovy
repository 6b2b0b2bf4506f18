// The edit's impact on past claims is reported (html, csv, json) and fails the build past maxChangedVerdicts.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\d+ verdicts change, more than maxChangedVerdicts 0/
assert log.contains('old ') && log.contains('it.rules:impact-released:1.0.0') // the baseline resolved as an artifact
['impact.html', 'impact.csv', 'impact.json'].each { assert new File(basedir, 'edited/target/claims/impact/' + it).isFile() }
return true
