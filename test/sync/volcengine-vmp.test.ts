import { runSyncSuite } from '../support/sync-suite.js';

runSyncSuite('volcengine-vmp');
