/** 实时层对读者说的话（结构见 src/live/live-words.ts）。 */
import type { LiveWords } from '../../live/live-words.ts';

export const live: LiveWords = {
  typeNumber: '请输入一个数。',
  tooLong: '这段内容太长，不可能是一个数。',
  needsDigits: (text) => `“${text}”后面需要数字。`,
  onlyOrdinary: '这里只能使用普通的数，例如 0.5 或 −2。',
  notANumber: (text) => `“${text}”不是一个数。`,
  tooLarge: (text) => `“${text}”太大，无法参与计算。`,
  belowMin: (value, min) => `${value} 小于最小值 ${min}，因此改用 ${min}。`,
  aboveMax: (value, max) => `${value} 大于最大值 ${max}，因此改用 ${max}。`,
  mustBeOneOf: (name, options) => `${name}必须是以下之一：${options}。`,
  mustBeBoolean: (name) => `${name}必须是 true 或 false。`,
  mustBeText: (name) => `${name}必须是文本。`,
  atMostChars: (name, max) => `${name}最多只能有 ${max} 个字符。`,
  mustBeNumber: (name) => `${name}必须是一个普通的数。`,
  notWhole: (value, whole) => `${value} 不是整数，因此改用 ${whole}。`,
  linkOneOf: (name, options) => `链接中的 ${name} 必须是以下之一：${options}，因此保留默认值。`,
  linkText: (name) => `链接中的 ${name} 不是本页可以使用的文本，因此保留默认值。`,
  linkBoolean: (name) => `链接中的 ${name} 必须是 true 或 false，因此保留默认值。`,
  linkNumber: (name) => `链接中的 ${name} 不是可用的数，因此保留默认值。`,
  linkTooLong: (name) => `链接中的 ${name} 太长，不可能是一项设置，因此保留默认值。`,
  linkUnreadable: '无法读取链接中的设置，因此显示默认值。',
  notASetting: (key) => `“${key}”不是本页的设置，已忽略。`,
  on: '开',
  off: '关',
  lastValidStays: (problem, character) =>
    `${problem}${character === undefined ? '' : `（第 ${character} 个字符处）`}仍保留上一个有效值。`,
  valueStays: (problem, kept) => `${problem}数值保持为 ${kept}。`,
  resetDone: '所有数值都已恢复为初始值。',
  linkCopied: '链接已复制，打开它会显示本页的这些数值。',
  copyBlocked: (url) => `复制被浏览器阻止。链接是：${url}`,
  resetButton: '重置数值',
  copyLinkButton: '复制包含这些数值的链接',
  notices: {
    title: (count) =>
      count === 1 ? '此链接中有一项设置无法使用：' : `此链接中有 ${count} 项设置无法使用：`,
    dismiss: '关闭',
  },
  print: {
    title:
      '本打印件上的数值与页面的初始数值不同。下面列出了改动过的数值；页面上的每个数都是由它们算出的。',
    inPlace: '就地更新（先更新输出层；隐藏层的梯度使用新的输出层权重）',
    simultaneous: '同时更新（所有权重都由相同的旧权重算出）',
    order: (how, changed, model) =>
      `更新顺序${model}：${how}${changed ? '，不是初始的顺序' : ''}。`,
    value: (label, value, start) => `${label} = ${value}（初始值 ${start}）`,
    linkIntro: '要查看带有这些数值的本页，请打开：',
  },
  embed: {
    names: {
      NeuronDiagram: '神经元示意图',
      ActivationExplorer: '激活函数探索器',
      Zigzag: '之字形下降',
      FitNetwork: '拟合一条曲线',
      AutodiffGraph: '计算图',
      NetworkDiagram: '网络示意图',
      Training: '训练面板',
      DepthFlow: '梯度随深度的变化',
    },
    summary: '嵌入',
    which: (label) => `图“${label}”`,
    explain:
      '要在幻灯片或课程网页中展示这张图，请把下面的代码粘贴到页面中。它显示的是这张图当前的数值；“复制”总会取最新的数值。',
    code: '嵌入代码',
    copy: '复制嵌入代码',
    copied: '嵌入代码已复制。',
    blocked: '复制被浏览器阻止。代码已选中：请按 Ctrl+C（Mac 上按 ⌘C）。',
    page: {
      heading: (label, chapter) => `${label}，出自“${chapter}”一章`,
      description: (label, chapter) =>
        `${label}，出自 Backprop Live 的“${chapter}”一章。Backprop Live 是一本讲解神经网络如何学习的交互式教材。`,
      open: (chapter) => `在课程中打开：${chapter}`,
      newTab: '（在新标签页中打开）',
      unknownHide: (parts) =>
        `链接要求隐藏这张图没有的部分，这一项已忽略。链接可以隐藏的是 ${parts.join(' 或 ')}。`,
      unknownTheme: (themes) =>
        `链接要求的配色主题本页没有，因此页面沿用系统设置。链接可以使用的主题是 ${themes.join(' 或 ')}。`,
    },
  },
};
