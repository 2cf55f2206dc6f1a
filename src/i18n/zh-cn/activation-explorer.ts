/**
 * 激活函数探索器的文字：菜单前的标签、图下读数句、图注、屏幕阅读器读出的图名，以及读者停止
 * 调整 x 后状态区播报的一句。数字已按英文版的格式写好（数学负号，x 保留 1 位小数）。
 */
import type { ActivationExplorerWords } from '../../widgets/activation-explorer/words.ts';

export const activationExplorer: ActivationExplorerWords = {
  activationLabel: 'f：',
  readout: { before: '在 ', afterX: ' 处：', between: '，', end: '。' },
  caption:
    '激活函数探索器：激活函数 f（实线）及其斜率 f′（虚线）。把指针移到图上，或修改 x，即可读出两者在同一输入处的值。',
  figureLabel: (name, x, fx, dfx) =>
    `${name}（实线）及其斜率（虚线），输入 x 从 −4 到 4。` +
    `在 x = ${x} 处，f(x) = ${fx}，f′(x) = ${dfx}。`,
  settled: (x, fx, dfx) => `在 x = ${x} 处：f(x) = ${fx}，f′(x) = ${dfx}。`,
};
