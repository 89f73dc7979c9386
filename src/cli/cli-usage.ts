/** The CLI's usage: one help text per command, and the error that makes it exit 2. */

/** A command line the CLI cannot run as written; it exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const COMMON = `Options for every command:
  --json            print JSON for scripts instead of tables
  --help            show the help of a command`;

const PROVIDER_OPTIONS = `  --provider <id>   tencent-cam, alibaba-resource-directory, volcengine-vmp or alibaba-chatapp
  --endpoint <url>  an emulator or gateway (default: CLOUD_CONTACTS_<PROVIDER>_ENDPOINT, else the vendor's)
  --profile <name>  a profile of the vendor CLI's files (~/.aliyun/config.json, ~/.tencentcloud/credentials,
                    ~/.volcengine/config.json) instead of the vendor's default chain
  --roster <file> --target <name>
                    instead of --provider: one target of a roster's targets: block, with its settings
Credentials come from the vendor's default chain: its environment variables (TENCENTCLOUD_SECRET_ID,
ALIBABA_CLOUD_ACCESS_KEY_ID, VOLCENGINE_ACCESS_KEY, ...), its CLI's profile files, a Kubernetes OIDC
token, the instance's role; \`cloud-contacts emulator\` prints the emulators' keys as variables.
HTTPS_PROXY (https_proxy, http_proxy, ALL_PROXY) and NO_PROXY are read as curl reads them.`;

const SYNC_OPTIONS = `  --target <name>   only these targets of the roster's targets: block, by name or provider id; repeat it
                    (default: the roster's providers:, else every target; without a targets: block,
                    one target per provider id)
  --provider <id>   only the targets of these providers
  --prune           also delete contacts the roster owns (managed: prefix + separator, or names)
                    that no entry names for that target
  --max-deletes N   the deletion guard: at most N deletes per target (default 10)
  --max-delete-share S
                    the deletion guard: at most this share of the contacts the roster manages on
                    a target, 0.5 or 50% (default 50%)
  --replace-masked <name>
                    change this contact even where the vendor's mask hides whether it differs
                    (CAM shows email and phone masked); repeat it, or '*' for every such contact`;

/** Help texts, by command; `''` is the overview. */
export const HELP: Readonly<Record<string, string>> = {
  '': `cloud-contacts: notification contacts in Tencent Cloud, Alibaba Cloud and Volcengine, from one roster.

Usage: cloud-contacts <command> [options]

Commands for one provider:
  list      list its contacts
  get       show one contact
  create    create a contact
  update    change a contact
  delete    delete a contact
  verify    send a verification message
Across providers:
  plan      show what syncing a roster file would change
  apply     sync a roster file
Local:
  emulator  start local emulators and print their endpoints and credentials
  demo      sync a sample roster to every provider's emulator

Exit codes: 0 all went well, 1 something failed, 2 the command line is wrong.
Run cloud-contacts <command> --help for a command's options.

${COMMON}`,
  list: `Usage: cloud-contacts list --provider <id> [--limit N] [--page-size N]\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  get: `Usage: cloud-contacts get --provider <id> <contact-id>\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  create: `Usage: cloud-contacts create --provider <id> --name <name> [--email E] [--phone P] [--title T]
       [--message-types A,B] [--remark R] [--input contact.json | --input -]\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  update: `Usage: cloud-contacts update --provider <id> <contact-id> [--email E] [--phone P] [--title T]
       [--message-types A,B] [--remark R] [--clear <field>]... [--input patch.json | --input -]\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  delete: `Usage: cloud-contacts delete --provider <id> <contact-id>\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  verify: `Usage: cloud-contacts verify --provider <id> <contact-id> --channel email|phone|webhook\n\n${PROVIDER_OPTIONS}\n${COMMON}`,
  plan: `Usage: cloud-contacts plan <roster.yaml|roster.json> [--target <name>]... [--prune] [plan options]

Reads every target's contacts and prints what \`apply\` would do, a table per target; changes nothing.
${SYNC_OPTIONS}
A target's endpoint and keys come from its settings in the roster (profile, assumeRole, endpoint, ...),
else from CLOUD_CONTACTS_<PROVIDER>_ENDPOINT and the vendors' default chains.
${COMMON}`,
  apply: `Usage: cloud-contacts apply <roster.yaml|roster.json> [--target <name>]... [--prune] [plan options] [--concurrency N]

Plans and carries out the sync; one failure never stops the others; running it again finishes
what failed. Exits 1 when anything failed; a replace that deleted a contact and could not create
it again prints the command that restores it.
${SYNC_OPTIONS}
  --concurrency N   changes in flight per target, 1 or more (default 4; each paces itself within its
                    own account's limits, and targets are applied side by side)
${COMMON}`,
  emulator: `Usage: cloud-contacts emulator [provider]...

Starts the emulators (default: all available), prints their endpoints and credentials as
environment lines to paste into another shell, and runs until interrupted (Ctrl-C).
${COMMON}`,
  demo: `Usage: cloud-contacts demo

Starts every available emulator in this process, plans and applies a sample roster, changes it and
syncs again (update, replace, prune), and shows a typed error from a vendor limit.
${COMMON}`,
};
