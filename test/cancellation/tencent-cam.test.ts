import { runCancellationTests } from '../support/cancellation.js';

runCancellationTests('tencent-cam');
