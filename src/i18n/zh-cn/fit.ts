/**
 * 第 4 章拟合图的文字：字段两侧的文字、训练按钮、图名与坐标轴、进度行、隐藏单元的公式，以及训练
 * 停止时状态行的话。数字由 src/widgets/fit/words.ts 的函数格式化后传入。
 */
import type { FitWords } from '../../widgets/fit/words.ts';

export const fit: FitWords = {
  units: { before: 'N = ', after: ' 个隐藏单元' },
  activation: { before: '激活函数 ', after: '' },
  target: { before: '目标曲线 ', after: '' },
  seed: { before: '种子 ', after: '' },
  training: '训练',
  train: (steps) => `训练 ${steps} 步`,
  pause: '暂停',
  resume: '继续',
  reset: '重置',
  progress: (step, goal, loss) =>
    `第 ${step}${goal === undefined ? '' : ` / ${goal}`} 步：均方误差 ${loss}。`,
  unitsTitle: '隐藏单元：将指针悬停在某个编号上、让它获得焦点或按下它，即可画出该单元的贡献。',
  noUnit: '未选择单元。',
  unit: (unit, formula, centre) =>
    `单元 ${unit}：${formula}${centre === undefined ? '' : `，中心位于 x = ${centre}`}`,
  caption:
    '单隐藏层网络用梯度下降拟合一条曲线。左图：目标曲线（虚线）、它的训练点和网络表示的函数；右图：均方误差随步数的变化（对数坐标）。',
  fitLabel: ({ units, target, steps, loss, unit }) =>
    `有 ${units} 个隐藏单元的网络所表示的函数，与目标曲线 ${target} 及其训练点画在一起；` +
    `已训练 ${steps.text} 步，均方误差 ${loss}。` +
    (unit === undefined ? '' : `图中还画出了单元 ${unit} 的贡献。`),
  lossAtStart: (loss) => `训练中的均方误差：尚未训练，起始值为 ${loss}。`,
  lossCurve: (trend, first, last, steps) =>
    trend === 'stays'
      ? `均方误差在 ${steps.text} 步中保持为 ${first}（对数坐标）。`
      : `均方误差在 ${steps.text} 步中从 ${first} ${trend === 'falls' ? '降' : '升'}到 ${last}（对数坐标）。`,
  stepAxis: '步数',
  lossAxis: '均方误差（对数）',
  paused: (step, loss) => `已暂停于第 ${step} 步：均方误差 ${loss}。`,
  done: (step, loss) => `已训练到第 ${step} 步：均方误差 ${loss}。`,
  wasReset: (loss) => `已重置到起点：均方误差 ${loss}。`,
  lossTooLarge: '超过一百万',
};
