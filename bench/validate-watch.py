#!/usr/bin/env -S python3 -u
"""validate, cold versus watched: a cold `java -jar ... validate` (median of 5), and `validate --watch` after a
one-rule edit (median of 10 saves, paced as an author edits: the first 30 s after the first result, then one every
5 s): time from the save to the result line, and the rebuild and run times the loop prints. Works on a copy of
rules/ and scenarios/. Prints one line per figure."""
import os, re, shutil, statistics, subprocess, sys, tempfile, threading, time, queue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = next(os.path.join(ROOT, 'target', f) for f in sorted(os.listdir(os.path.join(ROOT, 'target')))
           if f.startswith('hcc-guidance-') and f.endswith('.jar'))
EDIT = ('post_io/systemic-options.drl', '"Lenvatinib"')

work = tempfile.mkdtemp(prefix='watch-bench-')
rules, scenarios = os.path.join(work, 'rules'), os.path.join(work, 'scenarios')
shutil.copytree(os.path.join(ROOT, 'rules'), rules)
shutil.copytree(os.path.join(ROOT, 'scenarios'), scenarios)
try:
    cold = []
    for _ in range(5):
        t0 = time.monotonic()
        subprocess.run(['java', '-jar', JAR, 'validate', '--rules', rules, '--scenarios', scenarios],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        cold.append(time.monotonic() - t0)
    print(f'cold validate (JVM start, compile, {len(os.listdir(scenarios))} scenario folders): median {statistics.median(cold):.1f} s, '
          f'min {min(cold):.1f} s, max {max(cold):.1f} s')

    p = subprocess.Popen(['java', '-jar', JAR, 'validate', '--watch', '--rules', rules, '--scenarios', scenarios],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in p.stdout], daemon=True).start()

    def await_line(text, limit=120):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if text in line:
                return line
        sys.exit(f'no "{text}" within {limit} s')

    t0 = time.monotonic()
    await_line('watching ')
    print(f'watch start to first result: {time.monotonic() - t0:.1f} s')
    time.sleep(30)
    path = os.path.join(rules, EDIT[0])
    latency, rebuild, run = [], [], []
    for i in range(10):
        text = open(path).read()
        open(path, 'w').write(text.replace(EDIT[1], f'"Lenvatinib {i}"', 1) if i == 0 else
                              re.sub(r'"Lenvatinib \d+"', f'"Lenvatinib {i}"', text, count=1))
        saved = time.monotonic()
        line = await_line('changed: rebuilt in')
        await_line(' passed, ')
        latency.append(time.monotonic() - saved)
        m = re.search(r'rebuilt in (\d+) ms, \d+ scenarios run in (\d+) ms', line)
        rebuild.append(int(m.group(1)))
        run.append(int(m.group(2)))
        time.sleep(5)
    p.stdin.write('q\n')
    p.stdin.flush()
    p.wait(timeout=30)
    print(f'watch, one-rule edit, save to result printed: median {statistics.median(latency):.2f} s '
          f'(first save {latency[0]:.2f} s, min {min(latency):.2f}, max {max(latency):.2f}); '
          f'rebuild median {statistics.median(rebuild):.0f} ms, scenario run median {statistics.median(run):.0f} ms')
    print(f'load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores')
finally:
    shutil.rmtree(work, ignore_errors=True)
