/**
 * Electron's BrowserWindow for the PDF report tests. The page is a happy-dom document and `executeJavaScript`
 * really runs the script in it, so the wait for the ready signal is exercised as the app runs it; only Chromium's
 * rendering and printing are replaced (printToPDF returns known bytes).
 */
import { EventEmitter } from 'node:events';
import vm from 'node:vm';
import { Window } from 'happy-dom';

/** What the report page does once loaded: sets the ready signal at once or a little later, fails, never answers, crashes. */
export type PageBehaviour = 'ready-at-once' | 'ready-later' | 'error' | 'never' | 'crash';

export const fakePage = {
  behaviour: 'ready-later' as PageBehaviour,
  pdf: Buffer.from('%PDF-1.7\n% the report\n%%EOF\n'),
};

export const createdWindows: FakeBrowserWindow[] = [];

class FakeWebContents extends EventEmitter {
  readonly loaded: string[] = [];
  readonly printedWith: unknown[] = [];
  /** `document.body.dataset.reportReady` when printToPDF was called. */
  signalWhenPrinted: string | undefined;
  page: Window | null = null;

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    const page = new Window({ url });
    this.page = page;
    const signal = (value: string) => {
      page.document.body.dataset.reportReady = value;
    };
    switch (fakePage.behaviour) {
      case 'ready-at-once':
        signal('true');
        break;
      case 'ready-later':
        setTimeout(() => signal('true'), 5);
        break;
      case 'error':
        setTimeout(() => signal('error'), 5);
        break;
      case 'crash':
        setTimeout(() => this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 }), 5);
        break;
      case 'never':
        break;
    }
  }

  executeJavaScript(code: string): Promise<unknown> {
    if (!this.page) throw new Error('executeJavaScript before loadURL');
    const { document, MutationObserver } = this.page;
    return Promise.resolve(vm.runInContext(code, vm.createContext({ document, MutationObserver })));
  }

  async printToPDF(options: unknown): Promise<Buffer> {
    this.printedWith.push(options);
    this.signalWhenPrinted = this.page?.document.body.dataset.reportReady;
    return fakePage.pdf;
  }
}

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    createdWindows.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    void this.webContents.page?.happyDOM.close();
  }
}
