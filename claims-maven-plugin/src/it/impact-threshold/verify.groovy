// The edit's impact on past claims is reported (html, csv, json) and fails the build past maxChangedVerdicts.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\d+ verdicts change, more than maxChangedVerdicts 0/
['impact.html', 'impact.csv', 'impact.json'].each { assert new File(basedir, 'target/claims/impact/' + it).isFile() }
return true
