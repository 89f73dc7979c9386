import { runLoadTests } from '../support/load.js';

runLoadTests('alibaba-chatapp');
