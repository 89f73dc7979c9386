import { startEmulator } from 'cloud-contacts/testing';
const cam = await startEmulator('tencent-cam', { port: 47011, rateLimit: false });
const rd = await startEmulator('alibaba-resource-directory', { port: 47012, rateLimit: false });
console.log('ready'); setInterval(() => {}, 1000);
