import { runSyncSuite } from '../support/sync-suite.js';
import { runSyncProperties } from '../support/sync-model.js';

runSyncSuite('alibaba-chatapp');
runSyncProperties('alibaba-chatapp');
