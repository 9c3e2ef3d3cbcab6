#!/usr/bin/env -S python3 -u
"""Reload and start benchmark: java -jar to health UP, rule edit to new version serving (median of 20,
with the scenario gate on), and heap after 1 versus 200 reloads. Prints one line per figure."""
import base64, json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = next(os.path.join(ROOT, 'target', f) for f in sorted(os.listdir(os.path.join(ROOT, 'target')))
           if f.startswith('hcc-guidance-') and f.endswith('.jar'))
AUTH = 'Basic ' + base64.b64encode(b'admin:bench').decode()
EDIT = ('post_io/systemic-options.drl', 'Strength.STANDARD, 10, "Lenvatinib"')

def call(port, path, method='GET', admin=False):
    req = urllib.request.Request(f'http://127.0.0.1:{port}{path}', method=method, data=b'' if method == 'POST' else None)
    if admin:
        req.add_header('Authorization', AUTH)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return json.load(e)

def start(port, rules, data, *extra):
    env = dict(os.environ, GUIDANCE_ADMIN_PASSWORD='bench')
    t0 = time.monotonic()
    p = subprocess.Popen(['java', '-jar', JAR, f'--server.port={port}', f'--guidance.rules.dir={rules}',
                          f'--guidance.scenarios.dir={ROOT}/scenarios', f'--guidance.data.dir={data}',
                          '--logging.level.root=WARN', *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            if call(port, '/actuator/health').get('status') == 'UP':
                return p, time.monotonic() - t0
        except Exception:
            pass
        if p.poll() is not None:
            sys.exit('service exited during start')
        if time.monotonic() - t0 > 180:
            p.terminate()
            sys.exit('service not UP after 180 s: ' + json.dumps(call(port, '/api/v1/ruleset')))
        time.sleep(0.05)

def heap(port, pid):
    subprocess.run(['jcmd', str(pid), 'GC.run'], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    m = call(port, '/actuator/metrics/jvm.memory.used?tag=area:heap', admin=True)
    return m['measurements'][0]['value'] / 2**20

def edit(rules, i):
    path = os.path.join(rules, EDIT[0])
    text = open(path).read()
    import re
    text = re.sub(r'Strength.STANDARD, 10, "Lenvatinib[^"]*"', f'Strength.STANDARD, 10, "Lenvatinib (edit {i})"', text)
    open(path, 'w').write(text)

def main():
    work = tempfile.mkdtemp()
    rules = shutil.copytree(os.path.join(ROOT, 'rules'), os.path.join(work, 'rules'))
    starts = []
    for i in range(5):
        p, t = start(18090, rules, os.path.join(work, f'data-start{i}'))
        starts.append(t)
        p.terminate(); p.wait()
    print(f'start to health UP: median {statistics.median(starts):.2f} s over {len(starts)} starts {[round(s, 2) for s in starts]}')

    p, _ = start(18091, rules, os.path.join(work, 'data-edit'))
    lags = []
    for i in range(1, 21):
        before = call(18091, '/api/v1/ruleset')['version']
        t0 = time.monotonic()
        edit(rules, i)
        while call(18091, '/api/v1/ruleset')['version'] == before:
            time.sleep(0.02)
        lags.append(time.monotonic() - t0)
    p.terminate(); p.wait()
    print(f'edit to live (watcher, 250 ms debounce, scenario gate on): median {statistics.median(lags):.2f} s, '
          f'min {min(lags):.2f}, max {max(lags):.2f} over 20 edits')

    p, _ = start(18092, rules, os.path.join(work, 'data-heap'), '--guidance.reload.watch=false',
                 '--guidance.reload.require-scenarios=false')
    t0 = time.monotonic()
    edit(rules, 1000); call(18092, '/api/v1/ruleset/reload', 'POST', admin=True)
    time.sleep(2)
    h1 = heap(18092, p.pid)
    for i in range(2, 201):
        edit(rules, 1000 + i)
        assert call(18092, '/api/v1/ruleset/reload', 'POST', admin=True)['status'] == 'ACTIVATED'
    time.sleep(12)  # the replaced modules are released after five time budgets plus a second
    h200 = heap(18092, p.pid)
    print(f'heap after GC: {h1:.1f} MiB after 1 reload, {h200:.1f} MiB after 200 reloads '
          f'({h200 - h1:+.1f} MiB; {(time.monotonic() - t0) / 200:.2f} s per reload without the scenario gate)')
    p.terminate(); p.wait()
    shutil.rmtree(work, ignore_errors=True)

main()
