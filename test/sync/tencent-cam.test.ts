import { runSyncSuite } from '../support/sync-suite.js';

runSyncSuite('tencent-cam');
