import { runSyncSuite } from '../support/sync-suite.js';

runSyncSuite('alibaba-chatapp');
