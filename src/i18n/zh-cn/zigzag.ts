/**
 * 之字形路径图的文字：控件两侧的文字、面板名称、图注、各图的文字说明，以及每个面板对其下降过程的
 * 总结。数字由 src/widgets/zigzag/words.ts 的函数格式化后传入。
 */
import type { ZigzagWords } from '../../widgets/zigzag/words.ts';

/** “前 1,999 步”或“全部 187 步”：模型只画出前若干步时为前者。 */
const which = (first: boolean): string => (first ? '前' : '全部');

export const zigzag: ZigzagWords = {
  steps: ({ text }) => `${text} 步`,
  controls: { start: '起点 w0 = ', stepsBefore: '最多 ', stepsAfter: ' 步' },
  inputs: '输入：',
  inputsLabel: (side) => `输入，${side === 'left' ? '左侧' : '右侧'}面板`,
  caption:
    '对两个权重做梯度下降：从同一个起点出发，使用两种输入。椭圆是损失的等高线，星号是损失的最小值点，线是权重一步步走过的路径；阴影标出单个样本的一步所能取的全部方向。在面板上拖动，或直接输入数值，即可移动起点。',
  leftPanel: '左侧面板',
  rightPanel: '右侧面板',
  panelResult: (panel, inputs, result) => `${panel}，${inputs}：${result}`,
  between: '',
  startsWithin: (eps) => `起点已在距最优点 ε = ${eps} 的范围内。`,
  within: (eps, steps) => `${steps}后进入距最优点 ε = ${eps} 的范围。`,
  diverges: (steps, eta) =>
    `发散：${steps}后，有一个权重已超过一百万。对这些输入而言，η = ${eta} 太大了。`,
  notWithin: (eps, steps) => `${steps}后仍未进入距最优点 ε = ${eps} 的范围。`,
  quadrantsOnly: '每一步都让两个权重朝同一方向移动：单个样本的一步只能指向阴影所示的象限。',
  oneStep: (sameWay) => `唯一的一步让两个权重朝${sameWay ? '同一' : '相反'}方向移动。`,
  allOpposite: (first, drawn) => `${which(first)} ${drawn} 步都让两个权重朝相反方向移动。`,
  allSame: (first, drawn) => `${which(first)} ${drawn} 步都让两个权重朝同一方向移动。`,
  mixed: (first, drawn, same, opposite) =>
    `在${which(first)} ${drawn} 步中，${same} 步让两个权重朝同一方向移动，${opposite} 步让它们朝相反方向移动。`,
  curvature: (kappa) => `曲率比 κ = ${kappa}。`,
  best: (eta, steps) => `取它的最佳学习率 η = ${eta} 时，需要 ${steps}。`,
  noBest: (lo, hi, eps, steps) =>
    `在 ${lo} 到 ${hi} 之间，没有哪个学习率能在 ${steps}内进入距最优点 ε = ${eps} 的范围。`,
  panelLabel: (inputs, start, optimum, summary) =>
    `输入为 ${inputs}：损失关于 w0 和 w1 的等高线，以及梯度下降从 ${start} 走向最优点 ${optimum} 的路径。${summary}`,
  staircaseLabel: (a, b, e, steps) =>
    `损失等高线上的两条路径。虚线是常见的示意图：从 A ${a} 出发，只沿 w0 走到 B ${b}，` +
    `再只沿 w1 走到最优点 E ${e}。实线是使用 sigmoid 输入时，梯度下降从 A 出发实际走过的 ${steps} 步。`,
  firstStepsLabel: (arrows) =>
    `从 A 出发的前 ${arrows} 步（放大显示）：每一步都是一个指向右上或左下的箭头，两个权重同时改变。`,
};
