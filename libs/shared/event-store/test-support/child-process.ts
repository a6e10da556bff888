import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitUntil } from '../src/wait-until';

/** A TypeScript script in its own Node process, so a test can SIGKILL it at a chosen moment. */
export class ChildScript {
  private readonly lines: string[] = [];
  private readonly process: ChildProcess;
  private exited = false;

  constructor(script: string, env: Record<string, string>) {
    this.process = spawn(
      process.execPath,
      ['--require', path.join(__dirname, '../../../../scripts/swc-register.cjs'), path.join(__dirname, script)],
      {
        env: { ...process.env, ...env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffered = '';
    this.process.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      this.lines.push(...complete);
    });
    this.process.stderr?.on('data', (chunk: Buffer) => this.lines.push(`stderr: ${chunk.toString('utf8').trim()}`));
    this.process.on('exit', () => (this.exited = true));
  }

  /** Waits for a line the script printed on stdout. */
  waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return waitUntil(async () => this.lines.find((line) => pattern.test(line)), {
      timeoutMs,
      describe: () => `child never printed ${pattern}; output so far:\n${this.lines.join('\n')}`,
    });
  }

  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await exited;
  }
}
