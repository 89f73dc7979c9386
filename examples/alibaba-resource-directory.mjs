// Alibaba Cloud Resource Directory message contacts, end to end against the local emulator:
// create → pending → the owner confirms → list → update → cancel → associate/disassociate → delete.
//
// Run it from the package folder after a build (the imports resolve to dist/ by self-reference):
//   npm run build && node examples/alibaba-resource-directory.mjs
import { isContactError } from 'cloud-contacts';
import { alibabaResourceDirectory } from 'cloud-contacts/alibaba-resource-directory';
import { startEmulator } from 'cloud-contacts/testing';

const emulator = await startEmulator('alibaba-resource-directory');
const say = (step, text) => console.log(`${step.padEnd(12)} ${text}`);

try {
  // Against the cloud: alibabaResourceDirectory({ site: 'china' }) with ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET set.
  const rd = alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials });

  const created = await rd.create({
    name: 'Oncall',
    email: 'oncall@example.com',
    phone: '+86 139 0000 1234',
    title: 'TechnicalDirector',
    messageTypes: ['FaultMessage', 'SecurityMessage'],
  });
  say('create', `${created.id} "${created.name}" is ${created.status} (email ${created.verification?.email}, phone ${created.verification?.phone})`);

  const sent = await rd.sendVerification(created.id, 'email');
  say('verify', `verification message ${sent.status} to ${sent.target}`);
  // The recipient follows the link in that message; the emulator's hook plays that part.
  emulator.confirmVerification(created.id, 'oncall@example.com');
  say('confirm', `the owner confirmed: ${(await rd.get(created.id)).status}`);

  for await (const contact of rd.list()) say('list', `${contact.id} ${contact.name} <${contact.email}> ${contact.phone ?? ''} ${contact.status}`);

  const updated = await rd.update(created.id, { email: 'oncall-team@example.com', title: 'MaintenanceDirector' });
  say('update', `title is now ${updated.title}; email stays ${updated.email} until ${updated.details?.pendingEmail} is confirmed (${updated.verification?.email})`);
  const pending = await rd.listPendingVerifications({ contactId: created.id });
  say('pending', pending.map((p) => `${p.channel} ${p.target}`).join(', '));
  const cancelled = await rd.cancelPendingUpdate(created.id, 'email');
  say('cancel', `pending change dropped; email is ${cancelled.email} (${cancelled.verification?.email})`);

  const members = emulator.members().filter((member) => /^\d{16}$/.test(member)).slice(0, 7);
  const bound = await rd.associateMembers(created.id, members);
  say('associate', `bound to ${bound.length} member accounts (the vendor takes five per call, so this was two calls)`);
  say('by member', `${(await rd.list({ member: members[0] }).all()).map((c) => c.name).join(', ')} receives messages for ${members[0]}`);
  await rd.disassociateMembers(created.id, members.slice(5));
  say('disassociate', `now bound to ${(await rd.get(created.id)).details?.members.length} members`);

  await rd.delete(created.id, { retainInMembers: false });
  say('delete', 'deleted and removed from its members (the vendor does this asynchronously; delete waited)');
  try {
    await rd.get(created.id);
  } catch (error) {
    if (!isContactError(error, 'not-found')) throw error;
    say('get', `${error.code}: ${error.message}`);
  }
} finally {
  await emulator.close();
}
