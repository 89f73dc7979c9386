import { runCancellationTests } from '../support/cancellation.js';

runCancellationTests('alibaba-chatapp');
