/** One structured log line (JSON); never a body, a password or a token. */
export type LogLine = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;
export type Logger = (line: LogLine) => void;

export const jsonLogger: Logger = (line) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};

export const silentLogger: Logger = () => undefined;
