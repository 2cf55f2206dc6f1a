/**
 * 第 7 章图的文字：字段两侧的文字、各图的标题和坐标轴、每张图的文字摘要、逐层数值表，以及图稳定
 * 后屏幕阅读器听到的状态。数字和公式（‖∂E/∂W⁽¹⁾‖ = 0.099）由 src/widgets/depth/words.ts 写好后传入。
 */
import type { DepthWords } from '../../widgets/depth/words.ts';

export const depth: DepthWords = {
  network: '网络',
  layers: { before: 'L = ', after: ' 层' },
  width: { before: '宽度 n = ', after: '' },
  activation: { before: '激活函数 ', after: '' },
  init: { before: '初始化 ', after: '' },
  seed: { before: '种子 ', after: '' },
  remedies: '补救方法',
  clipAt: ' 阈值 c = ',
  training: '训练',
  steps: { before: '', after: ' 步梯度下降' },
  flowTitle: '初始化时到达各层的梯度 ‖∂E/∂W⁽ˡ⁾‖（对数坐标）',
  lossTitle: '训练损失（对数坐标）',
  changeTitle: '各层权重的相对变化 ‖ΔW⁽ˡ⁾‖ / ‖W⁽ˡ⁾‖（对数坐标）',
  numbers: '逐层数值',
  layerColumn: '层',
  gradientColumn: '梯度 ‖∂E/∂W⁽ˡ⁾‖',
  movedColumn: '权重的相对变化',
  caption:
    '梯度在深度方向上的传递。网络由 L 层堆叠而成，每层 n 个单元，权重按所选的初始化方法抽取。上图：32 个随机输入各自从网络顶端送入大小为 1 的梯度时，每一层收到的梯度（若开启了梯度裁剪，则为裁剪后的梯度）。下图：同一个网络加上一个读出层后，用梯度下降训练它拟合输入的一个简单函数；以及每层权重相对其初始值变化了多少。',
  layerAxis: '第 l 层',
  stepAxis: '训练步数',
  oneLayer: (norm) => `只有一层：它的梯度范数为 ${norm}。`,
  smaller: (L, f, first, last) =>
    `第 1 层的梯度只有第 ${L} 层的${f.about ? '约 ' : ' '}1/${f.text}（${first}，${last}）。`,
  larger: (L, f, first, last) =>
    `第 1 层的梯度是第 ${L} 层的${f.about ? '约 ' : ' '}${f.text} 倍（${first}，${last}）。`,
  similar: (L, first, last) => `第 1 层与第 ${L} 层的梯度相差不到 10 倍（${first}，${last}）。`,
  clipped: (g, c, scale) => `全局范数 ${g} 超过了 c = ${c}，因此每一层的梯度都乘以 ${scale}。`,
  unclipped: (g, c) => `全局范数 ${g} 没有超过 c = ${c}：裁剪不起作用。`,
  noSteps: (loss) => `没有训练：起始损失为 ${loss}。`,
  trained: (steps, start, end, moved) =>
    `经过 ${steps} 步，损失从 ${start} 变为 ${end}；${moved}。`,
  movedOne: (change) => `这一层权重的相对变化为 ${change}`,
  moved: (L, first, last) => `第 1 层权重的相对变化为 ${first}，第 ${L} 层为 ${last}`,
  grew: '损失变大了：对这个网络来说，步长太大。请调小 η，或者裁剪梯度。',
  settled: (flow, train) => `${flow}${train}`,
};
