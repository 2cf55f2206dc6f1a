/**
 * 训练面板的文字：设置行、按钮、状态行、表格的标题和表头、进度行，以及两幅图的图注、名称、坐标轴和
 * 数据表。数字由 src/widgets/training/words.ts 的函数格式化后传入。
 */
import type { TrainingWords } from '../../widgets/training/words.ts';

/** 以全角字符结尾或开头的文字与相邻文字之间不加空格，否则（数字、拉丁字母）加一个空格。 */
const WIDE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u;
const spaced = (before: string, word: string, after: string): string =>
  `${WIDE.test(before.slice(-1)) ? '' : ' '}${word}${WIDE.test(after.charAt(0)) ? '' : ' '}`;

/** “a”“a 和 b”“a、b 和 c”。 */
function list(items: readonly string[]): string {
  const last = items.at(-1);
  if (items.length <= 1 || last === undefined) return items.join('');
  const head = items.slice(0, -1).join('、');
  return `${head}${spaced(head, '和', last)}${last}`;
}

export const training: TrainingWords = {
  steps: ({ text }) => `${text} 步`,
  settings: { eta: '学习率 η = ', steps: '，步数 N = ', end: '。' },
  fieldLabel: (param, panel) => `${param}，${panel}`,
  inPlaceLabel: '就地更新：先更新输出层，再用新的输出层权重计算隐藏层的梯度',
  actions: '训练操作',
  takeStep: '走一步',
  train: (steps) => `训练 ${steps}`,
  stop: '停止',
  reset: '重置',
  noScript: '训练需要 JavaScript。表格和图展示的是从初始数值开始的一次训练。',
  stepOf: (step, total) => `第 ${step} / ${total} 步`,
  progress: (step, total, E) => `第 ${step} / ${total} 步，E = ${E}`,
  progressSentence: (step, total, E) => `第 ${step} / ${total} 步，E = ${E}。`,
  preview: (steps, eta, from, to) =>
    `以 η = ${eta} 训练 ${steps}，误差 E 将从 ${from} 变为 ${to}。`,
  trained: (steps, from, to) => `已训练 ${steps}：E 从 ${from} 变为 ${to}。`,
  stopped: (done, total, from, to) =>
    `在第 ${done} 步停止（共 ${total}）：E 从 ${from} 变为 ${to}。`,
  stepTaken: (from, to) => `已走一步：E 从 ${from} 变为 ${to}。`,
  training: (steps) => `正在训练 ${steps}……`,
  alreadyDefaults: '所有数值都已是默认值。',
  backToDefaults: '已恢复默认值。',
  stoppedByEdit: '有数值被改动，训练已停止。',
  order: { inPlace: '就地更新（先更新输出层）', simultaneous: '同时更新' },
  how: (eta, order) => `η = ${eta}，${order}`,
  previewCaption: (how) => `从当前权重出发走一步会带来的变化（${how}）`,
  stepCaption: (how) => `刚才走的一步（${how}）`,
  runningCaption: (step, total, how) => `目前为止的训练：第 ${step} / ${total} 步（${how}）`,
  runCaption: (steps, how) => `刚才训练的 ${steps}带来的变化（${how}）`,
  stoppedCaption: (done, total, how) => `刚才训练的 ${done} / ${total}带来的变化（${how}）`,
  heads: { value: '名称', old: '旧值', new: '新值', change: '变化量' },
  errorRow: '误差 E',
  now: { label: '当前：', separator: '，', target: '（目标值 ', close: '）', end: '。' },
  lossCaption: '训练过程中的误差 E（对数坐标）。',
  outputsCaption: '各输出逐渐接近各自的目标值（虚线）。',
  list,
  outputEnd: (name, value, target, targetValue) =>
    `${name} = ${value}（目标值 ${target} = ${targetValue}）`,
  outputsSummary: (steps, ends, starts, count) =>
    `训练 ${steps}后，${ends}；${count === 1 ? '起始值为' : '起始值分别为'} ${starts}。`,
  lossEmpty: '训练过程中的误差 E：尚未训练。',
  lossLabel: (trend, first, last, steps, of) => {
    const span = of === undefined ? steps : `${steps}（共 ${of} 步）`;
    return trend === 'stays'
      ? `经过 ${span}，误差 E 保持为 ${last}（对数坐标）。`
      : `经过 ${span}，误差 E 从 ${first} ${trend === 'falls' ? '降' : '升'}到 ${last}（对数坐标）。`;
  },
  outputsEmpty: '训练过程中的输出：尚未训练。',
  outputWay: (name, first, last, target) => `${name} 从 ${first} 变为 ${last}（目标值 ${target}）`,
  outputsLabel: (steps, ways) => `输出在 ${steps}中的变化：${ways.join('；')}。`,
  lossTable: '图中部分步的误差 E',
  outputsTable: '图中部分步的输出',
  stepHead: '步数',
  errorHead: '误差 E',
  outputHead: (name, target, targetValue) => `${name}（目标值 ${target} = ${targetValue}）`,
  stepAxis: '步数',
  lossAxis: '误差 E（对数坐标）',
  outputAxis: '输出',
  targetMark: (name, target, targetValue) => `${name}，${target} = ${targetValue}`,
};
