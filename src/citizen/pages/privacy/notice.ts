/**
 * The privacy notice in plain words (PIPL: say what, why, how long, who, and how to ask for
 * deletion). Kept as data so the page and its test read the same text; keep it true to what
 * the server does (server/jobs/follow-up.ts erases contact details of closed messages).
 */
export const PRIVACY_SECTIONS: readonly { title: string; lines: readonly string[] }[] = [
  {
    title: '我们保存什么',
    lines: [
      '您的留言：类别、内容、您上传的照片（照片中的位置信息不保存）。',
      '您留下的联系方式：手机号（选填，投诉时需要），以及您填写的地点和被反映的经营者。',
      '您的微信标识（openid），用于登录和向您发送您同意接收的办理进度通知。'
    ]
  },
  {
    title: '为什么保存',
    lines: ['为了受理、核查和答复您的留言，必要时由工作人员与您联系；不用于其他目的，不做商业用途。']
  },
  {
    title: '保存多久',
    lines: [
      '留言办结（或不予受理、合并办理）后满 180 天，您的手机号和填写的地点会被自动删除，系统会记录删除时间。',
      '留言内容和答复作为办理记录按档案要求保存。'
    ]
  },
  {
    title: '谁能看到',
    lines: [
      '只有本局办理留言的工作人员能看到您的留言；手机号默认只显示部分号码（如 138****5678）。',
      '凭留言码查询时，只显示办理状态和答复，不显示留言内容、姓名和联系方式。',
      '只有在您同意“选登公开”后，留言和答复才可能在隐去个人信息后公开。'
    ]
  },
  {
    title: '如何要求删除或更正',
    lines: [
      '您可以在留言中说明，或通过本局公布的联系电话要求查阅、更正或删除您的个人信息，我们核实身份后及时处理并答复您。',
      '拒绝授权（如不授权手机号或位置）不影响您留言，只是相应功能无法使用。'
    ]
  }
]
