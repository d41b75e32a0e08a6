// Runs one of the catalog's command-line entries (a .ts file) in a child process with tsx, as
// `npm run catalog:…` does, and gives back its exit code and everything it printed.
import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `stdin` is written to the command and closed; without it the command reads no input. `env` is the
 * command's whole environment (a variable set to undefined is left out); without it, this process's.
 */
export function runCli(entry: string, args: string[], stdin?: string, env?: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}
