// Exits 0 once the URL answers 2xx; 1 after the given number of seconds, or as soon as the given process is gone.
// Usage: node wait-ready.mjs URL [seconds] [pid]
const [url, seconds = '60', pid] = process.argv.slice(2);
const alive = () => {
  try {
    if (pid) process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};
const deadline = Date.now() + Number(seconds) * 1000;
for (;;) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (response.ok) process.exit(0);
  } catch {
    // not listening yet
  }
  if (Date.now() > deadline || !alive()) process.exit(1);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
