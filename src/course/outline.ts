/**
 * The course's chapters, in teaching order.
 *
 * Each chapter lives at `/chapters/<slug>/`. Instructors put these URLs in syllabi, so a slug
 * must never change once published; a test holds every chapter file to this list. The sidebar,
 * the home page's learning path and previous/next links all follow this order.
 */
export interface ChapterOutline {
  /** The URL segment under `/chapters/`. Never change a published one. */
  readonly slug: string;
  readonly title: string;
  readonly titleZh: string;
  /** One sentence on what the reader learns. */
  readonly summary: string;
  readonly summaryZh: string;
}

export const chapters: readonly ChapterOutline[] = [
  {
    slug: 'neuron',
    title: 'The neuron',
    titleZh: '神经元',
    summary:
      'A weighted sum of inputs plus a bias, z = Σ wᵢxᵢ + b, passed through an activation f(z).',
    summaryZh: '输入的加权和加上偏置 z = Σ wᵢxᵢ + b，再经过激活函数 f(z)。',
  },
  {
    slug: 'activations',
    title: 'Activation functions',
    titleZh: '激活函数',
    summary: 'Sigmoid, tanh, ReLU, leaky ReLU and ELU: their shapes, derivatives and trade-offs.',
    summaryZh: 'Sigmoid、tanh、ReLU、Leaky ReLU 与 ELU：形状、导数与取舍。',
  },
  {
    slug: 'zero-centering',
    title: 'Why zero-centred outputs matter',
    titleZh: '为什么零中心化的输出很重要',
    summary:
      'With all-positive inputs, every weight of a neuron gets a gradient of the same sign, and descent zig-zags.',
    summaryZh: '当输入全为正时，一个神经元所有权重的梯度同号，梯度下降走出之字形。',
  },
  {
    slug: 'feedforward',
    title: 'Feedforward networks',
    titleZh: '前馈网络',
    summary: 'Layers, notation and the layer equations z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = fₗ(z⁽ˡ⁾).',
    summaryZh: '层、记号与逐层方程 z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾，a⁽ˡ⁾ = fₗ(z⁽ˡ⁾)。',
  },
  {
    slug: 'autodiff',
    title: 'Computation graphs and automatic differentiation',
    titleZh: '计算图与自动微分',
    summary: 'The same derivative two ways: forward mode and reverse mode on a computation graph.',
    summaryZh: '同一个导数的两种算法：计算图上的前向模式与反向模式。',
  },
  {
    slug: 'backprop',
    title: 'Backpropagation',
    titleZh: '反向传播',
    summary: 'The classic 2-2-2 sigmoid network, every intermediate number shown and editable.',
    summaryZh: '经典的 2-2-2 sigmoid 网络，每一个中间数值都可见、可改。',
  },
  {
    slug: 'vanishing-gradients',
    title: 'Vanishing and exploding gradients',
    titleZh: '梯度消失与梯度爆炸',
    summary: 'Why gradients shrink or blow up through many layers, and the remedies that work.',
    summaryZh: '梯度为何在多层之间衰减或爆炸，以及有效的对策。',
  },
];

/** A chapter's title and summary in a language ('en' or 'zh-CN', src/i18n/locales.ts). */
export function chapterText(
  chapter: ChapterOutline,
  locale: 'en' | 'zh-CN',
): { title: string; summary: string } {
  const text = {
    en: { title: chapter.title, summary: chapter.summary },
    'zh-CN': { title: chapter.titleZh, summary: chapter.summaryZh },
  };
  return text[locale];
}
