/**
 * 反向传播一章的网络图（src/widgets/network-diagram/）的中文文字。神经元上的读数沿用正文的记号
 * net（净输入）和 out（输出）：它们写在圆圈里，正文的公式也这样写（z = net，a = out）。
 */
import type { NetworkDiagramWords } from '../../widgets/network-diagram/words.ts';

export const networkDiagram: NetworkDiagramWords = {
  diagramName: '本章算例的网络',
  diagramStructure:
    '输入 i1 和 i2 经权重 w1 至 w4 连到隐藏神经元 h1 和 h2；隐藏神经元经权重 w5 至 w8 连到输出 o1 和 o2；偏置 b1 和 b2 分别加到隐藏层和输出层；两个输出都连到误差 E。每个输入、权重和偏置都可以修改，每个神经元都显示它的净输入（net）和输出（out）。',
  netWord: 'net',
  outWord: 'out',
  neuronPrefix: (id) => `${id}：`,
  errorPrefix: '误差 E：',
  readOutSeparator: '，',
  hiddenNote: (input, hidden) =>
    `（${input} 连到 ${hidden}，而 ${hidden} 连到两个输出：共两条路径，贡献相加。）`,
  biasNote: '（整层共用一个偏置，它的梯度是该层各神经元误差信号之和；本算例让偏置保持不变。）',
  settledText: (param, factors, error) => {
    const chain = param ? `∂E/∂${param} = ${factors}。` : '';
    return `${chain}误差 E：${error}。`;
  },
};
