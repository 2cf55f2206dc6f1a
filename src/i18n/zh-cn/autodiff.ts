/**
 * 第 5 章逐步演示的计算图（src/widgets/autodiff/）的中文文字。术语与正文一致：切线值（tangent）、
 * 伴随值（adjoint）、种子（seed）、中心差分、一遍（pass）。
 */
import type { AutodiffWords } from '../../widgets/autodiff/words.ts';

export const autodiff: AutodiffWords = {
  modeLabel: '模式',
  seedLabel: '前向模式的种子',
  navName: '逐步查看计算图',
  previous: '上一步',
  next: '下一步',

  derivativesCaption: '此点处的导数，f = ',
  derivativeHeader: '导数',
  reverseHeader: '反向模式（一遍）',
  forwardHeader: '前向模式（每个导数一遍）',
  centralHeader: '中心差分',
  figcaption:
    'f 的计算图，每个输入和每个步骤各占一个方框。每个方框显示该节点的运算和值；所选模式到达该节点后，还显示它的切线值 ḣ（前向模式，即它对种子的导数）或伴随值 h̄（反向模式，即 f 对它的导数）。箭头从每个操作数指向使用它的步骤。',

  nodeHeader: '节点',
  operationHeader: '运算',
  valueHeader: '值',
  tangentHeader: (seed) => `切线值 ḣ = ∂h/∂${seed}`,
  adjointHeader: '伴随值 h\u0304 = ∂f/∂h',
  inputOperation: '输入',
  notYet: '尚未算出',
  barred: (letter) => `${letter} 横`,

  positionForward: (step, total, seed) =>
    `第 ${step} 步（共 ${total} 步），前向模式，种子设在 ${seed} 上`,
  positionReverse: (step, total) => `第 ${step} 步（共 ${total} 步），反向模式`,
  tangentSaid: (partial, value) => `切线值 ${partial} = ${value}`,
  adjointSaid: (partial, value) => `伴随值 ${partial} = ${value}`,
  stepSaid: (position, operation, result) => `${position}：${operation}；${result}。`,
  // problem 本身是一个以句号结尾的句子。
  stepProblem: (position, operation, problem) => `${position}：${operation}；${problem}`,
  announceStep: (step, done) => `${step}${done ?? ''}`,

  doneForward: (seed, value) =>
    `这一遍计算完成：最后一个切线值就是 ∂f/∂${seed} = ${value}。换一个种子，就要再算一遍。`,
  doneReverse: (derivatives) =>
    `这一遍计算完成：各输入的伴随值为 ${derivatives.join('，')}，全部来自这一遍。`,
  result: (f, dfdx, dfdw, dfdb) =>
    `f = ${f}。由反向模式得 ∂f/∂x = ${dfdx}，∂f/∂w = ${dfdw}，∂f/∂b = ${dfdb}。`,

  noDerivative: (step) => `f 在此处不可导：${step} 在这一点没有有限的导数。`,
  notFinite: (step) => `f 在此处没有定义：${step} 在这一点不是有限的数。`,
  notDefined: 'f 在此处没有定义。',
  unchecked:
    '在与此点相距不到 0.00001 的某一点上 f 没有定义，而中心差分要用到那里的值，所以图在此处不显示导数。',
};
