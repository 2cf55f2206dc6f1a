/** 神经元示意图的文字：图注，也是屏幕阅读器读出的图名。 */
import type { NeuronDiagramWords } from '../../widgets/neuron-diagram/words.ts';

export const neuronDiagram: NeuronDiagramWords = {
  caption:
    '一个有三个输入的神经元：每个输入乘以各自的权重，再加上偏置，得到净输入 z；激活函数再由它给出输出 a = f(z)。',
};
