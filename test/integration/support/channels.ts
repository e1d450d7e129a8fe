import { channels, type Channel } from '../../../src-shared/contract';
import { backupsChannelInputs } from '../../../src-shared/contract/backups';
import { documentsChannelInputs } from '../../../src-shared/contract/documents';
import { exportsChannelInputs } from '../../../src-shared/contract/exports';
import { importsChannelInputs } from '../../../src-shared/contract/imports';
import { jobsChannelInputs } from '../../../src-shared/contract/jobs';
import { statisticsChannelInputs } from '../../../src-shared/contract/statistics';
import { syncChannelInputs } from '../../../src-shared/contract/sync';
import { automationChannelInputs } from '../../../src-shared/contract/automation';
import { fairsChannelInputs } from '../../../src-shared/contract/fairs';
import { captureChannelInputs } from '../../../src-shared/contract/capture';
import { answersChannelInputs } from '../../../src-shared/contract/answers';
import { offersChannelInputs } from '../../../src-shared/contract/offers';
import { watchChannelInputs } from '../../../src-shared/contract/watch';
import { aiChannelInputs } from '../../../src-shared/contract/ai';
import { extensionChannelInputs } from '../../../src-shared/contract/extension';

/** Domains other suites test; every other channel is a core channel these integration tests must cover. */
const otherDomains: object[] = [statisticsChannelInputs, exportsChannelInputs, importsChannelInputs, documentsChannelInputs, backupsChannelInputs, syncChannelInputs, automationChannelInputs, jobsChannelInputs];
/** Domains whose own suite (test/integration/<domain>.test.ts) covers happy path, validation and not-found of each channel. */
otherDomains.push(fairsChannelInputs, answersChannelInputs);
/** Capture reads pages: test/capture covers its channels. */
otherDomains.push(captureChannelInputs);
otherDomains.push(offersChannelInputs);
otherDomains.push(watchChannelInputs, aiChannelInputs);
/** Pairing a browser: test/extension covers its channels. */
otherDomains.push(extensionChannelInputs);
type OtherChannel =
  | keyof typeof statisticsChannelInputs
  | keyof typeof exportsChannelInputs
  | keyof typeof importsChannelInputs
  | keyof typeof documentsChannelInputs
  | keyof typeof backupsChannelInputs
  | keyof typeof syncChannelInputs
  | keyof typeof automationChannelInputs
  | keyof typeof jobsChannelInputs
  | keyof typeof fairsChannelInputs
  | keyof typeof captureChannelInputs
  | keyof typeof answersChannelInputs
  | keyof typeof offersChannelInputs
  | keyof typeof watchChannelInputs
  | keyof typeof aiChannelInputs
  | keyof typeof extensionChannelInputs;

export type CoreChannel = Exclude<Channel, OtherChannel>;

const other = new Set<string>(otherDomains.flatMap((inputs) => Object.keys(inputs)));
export const coreChannels = channels.filter((channel): channel is CoreChannel => !other.has(channel)).sort();
