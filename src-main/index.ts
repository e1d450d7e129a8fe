/** Electron's entry (bundled to out/main/index.js). Everything it does lives in src-main/shell. */
import { startDesktopApp } from './shell/lifecycle';

startDesktopApp();
