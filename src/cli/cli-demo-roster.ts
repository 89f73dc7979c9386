/** The demo's roster: `examples/roster.yaml`, kept here so the installed CLI has it (a test keeps the two equal). */
export const DEMO_ROSTER = `# The platform team's on-call roster, in every cloud we use: one file, synced again and again.
#   npx cloud-contacts plan <this file>      # what would change (changes nothing)
#   npx cloud-contacts apply <this file>     # make it so; run it again to finish what failed
managed:                  # the contacts the roster owns: only they are ever pruned
  prefix: Oncall          # Oncall, then a separator: Oncall-Alice is owned; OncallManager, made by hand, is not
  names: [OncallAlice, OncallBob, OncallChen, OncallDana]   # Resource Directory names are letters only: listed
providers: [tencent-cam, alibaba-resource-directory, volcengine-vmp]   # where people go (unless \`only\` says otherwise)
contacts:
  - name: Oncall-Alice
    email: alice.zhang@example.com
    phone: +86 139 0000 1234
    title: TechnicalDirector
    messageTypes: [FaultMessage, SecurityMessage]
    webhooks:
      lark: { url: "https://open.feishu.cn/open-apis/bot/v2/hook/7f0c2a9e-alice", secret: SEClarkAliceSecret01 }
    providers:
      alibaba-resource-directory: { name: OncallAlice }   # Resource Directory names are 2-12 letters
  - name: Oncall-Bob
    email: bob.li@example.com
    phone: "+86 186 1234 3509"
    title: MaintenanceDirector
    messageTypes: [FaultMessage, ServiceMessage]
    providers:
      alibaba-resource-directory: { name: OncallBob }
  - name: Oncall-Chen
    email: chen.wei@example.com
    phone: +86 137 1234 5678
    title: FinanceDirector
    messageTypes: [AccountExpenses]
    providers:
      alibaba-resource-directory: { name: OncallChen }
  - name: Oncall-Dana
    email: dana.ops@example.com
    phone: +86 135 0000 9999
    title: ProjectDirector
    messageTypes: [ProductMessage, ActivityMessage]
    providers:
      alibaba-resource-directory: { name: OncallDana }
  - name: Oncall-PagerBot   # a chat bot, not a person: only Volcengine VMP holds webhook-only contacts
    only: [volcengine-vmp]
    webhooks:
      dingtalk: { url: "https://oapi.dingtalk.com/robot/send?access_token=0a1b2c3d4e5f", secret: SECdingtalkBot00001, atMobiles: ["+8613900001234"] }
      wecom: { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5c6d7e8f" }
  - name: Oncall Support Desk   # the WhatsApp business number customers message: only ChatApp holds numbers
    only: [alibaba-chatapp]
    phone: +65 8123 4567
    email: support.desk@example.com
`;
