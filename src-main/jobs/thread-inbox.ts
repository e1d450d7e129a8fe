import type { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../src-shared/errors';

/** What every part-of-a-job thread may send: its own messages, or the error that stopped its work. */
type FailedMessage = { type: 'failed'; error: AppErrorShape };

/**
 * The messages of a thread a job started for part of its work (imports/check-thread.ts, statistics-thread.ts),
 * read in order by one reader. The thread's failure, whichever way it comes (a `failed` message with its code, an
 * error such as running out of memory, or an exit before `stop`), is thrown by the next read, so the job fails
 * with it and nothing waits forever.
 */
export class ThreadInbox<Message extends { type: string }> {
  private readonly arrived: (Message | FailedMessage)[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | undefined;
  private stopped = false;
  private terminated: Promise<unknown> | undefined;

  /**
   * `errorOf`: the job's error for an error event of the thread (e.g. its heap exhausted: a refusal in the user's
   * language). `stoppedEarly`: what the job says when the thread exits before it was told to stop.
   * `onMessage`: sees each message as it arrives, before it is read.
   */
  constructor(
    private readonly worker: Worker,
    { errorOf = (error) => error, stoppedEarly, onMessage }: { errorOf?: (error: Error & { code?: string }) => Error; stoppedEarly: (code: number) => string; onMessage?: (message: Message) => void },
  ) {
    const fail = (error: Error) => {
      this.failure ??= error;
      this.wake?.();
    };
    worker.on('message', (message: Message | FailedMessage) => {
      this.arrived.push(message);
      if (message.type !== 'failed') onMessage?.(message as Message);
      this.wake?.();
    });
    worker.on('error', (error: Error & { code?: string }) => fail(errorOf(error)));
    worker.on('exit', (code) => {
      if (!this.stopped) fail(new Error(stoppedEarly(code)));
    });
  }

  /** The thread's next message in order; its failure (reported or a crash) as an error. */
  async next(): Promise<Exclude<Message, FailedMessage>> {
    while (this.arrived.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    const message = this.arrived.shift()!;
    if (message.type === 'failed') {
      const { code, message: text, issues, details } = (message as FailedMessage).error;
      throw new AppError(code, text, { issues, details });
    }
    return message as Exclude<Message, FailedMessage>;
  }

  /** Ends the thread (its work done, or the job failed or was cancelled); once, whoever asks. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.terminated ??= this.worker.terminate();
    await this.terminated;
  }
}
