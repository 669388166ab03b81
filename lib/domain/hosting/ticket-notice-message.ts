/*
 * The words of a ticket email, in the recipient's language. Built here rather than from the UI's
 * message files because the email goes out after the response, outside the request's i18n context.
 */
type Kind = 'assigned' | 'status' | 'comment';
/** `appName` is the product's, or the brand's when the link points at a white-label brand's host. */
type Input = { locale: string; kind: Kind; number: number; title: string; status: string; url: string; appName: string };

const STATUS = {
  en: { open: 'open', in_progress: 'in progress', resolved: 'resolved', closed: 'closed' },
  zh: { open: '待处理', in_progress: '处理中', resolved: '已解决', closed: '已关闭' },
} as const;

const TEXT = {
  en: {
    assigned: (i: Input) => [`Ticket #${i.number} assigned to you`, `You are now the assignee of ticket #${i.number} "${i.title}".`],
    status: (i: Input, s: string) => [`Ticket #${i.number} is ${s}`, `Ticket #${i.number} "${i.title}" moved to ${s}.`],
    comment: (i: Input) => [`New comment on ticket #${i.number}`, `Someone commented on ticket #${i.number} "${i.title}".`],
    footer: (url: string) => `Open it: ${url}`,
  },
  zh: {
    assigned: (i: Input) => [`工单 #${i.number} 已分配给您`, `您已成为工单 #${i.number}「${i.title}」的处理人。`],
    status: (i: Input, s: string) => [`工单 #${i.number} 状态：${s}`, `工单 #${i.number}「${i.title}」已变更为${s}。`],
    comment: (i: Input) => [`工单 #${i.number} 有新评论`, `工单 #${i.number}「${i.title}」有新的评论。`],
    footer: (url: string) => `查看：${url}`,
  },
} as const;

export function ticketNoticeMessage(input: Input): { subject: string; text: string } {
  const lang = input.locale === 'zh' ? 'zh' : 'en';
  const status = STATUS[lang][input.status as keyof (typeof STATUS)['en']] ?? input.status;
  const [subject, line] = TEXT[lang][input.kind](input, status);
  return { subject: `${input.appName}: ${subject}`, text: `${line}\n\n${TEXT[lang].footer(input.url)}` };
}
