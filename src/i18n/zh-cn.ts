/** 简体中文：课程自身界面的全部文字（结构见 words.ts；缺少任何一项都无法通过类型检查）。 */
import type { ExerciseWords } from '../live/exercise-words.ts';
import type { Words } from './words.ts';
import { live } from './zh-cn/live.ts';

/** 提示输入数字时给出的示例，永远不是答案本身。 */
const EXAMPLE = '例如 0.25 或 −1.5';

const exercise: ExerciseWords = {
  title: (n) => `练习 ${n}`,
  solved: '已解答',
  yourAnswer: '你的答案',
  chooseOne: '选择一个答案',
  check: '检查',
  startOver: '重新开始',
  hint: '提示',
  showSolution: '查看解答',
  needsScript: '检查答案需要 JavaScript；提示和解答不需要 JavaScript 也能查看。',
  printAnswer: '答：',
  printWhy: '理由：',
  askDecimals: (digits) => (digits === 0 ? '请给出整数答案。' : `请保留 ${digits} 位小数。`),
  askFigures: (figures) => `请保留 ${figures} 位有效数字。`,
  accepts: (tolerance) => `与精确值相差不超过 ${tolerance} 即算正确。`,
  tolerance: {
    absolute: (amount) => `±${amount}`,
    relative: (percent) => `${percent}%`,
    either: (absolute, relative) => `${absolute} 或 ${relative}（取两者中较宽的一个）`,
  },
  theAnswer: '答案',
  empty: `请输入一个数，${EXAMPLE}。`,
  invalid: (why) => `${why} 请用数字书写，${EXAMPLE}。`,
  unavailable: '按本页当前的数值无法计算这个答案，请尝试重置这些数值。',
  computing: '页面仍在按你设置的数值计算这个答案，请稍后再检查。',
  correct: (label, shown) => `正确：按本页的数值，${label} 等于 ${shown}。`,
  notQuite: (why) => `还不对。${why}`,
  sign: '请检查符号：你的答案与正确答案符号相反。',
  close: (tolerance) => `已经很接近了，但误差超出了 ${tolerance}：请在中间步骤中多保留几位数字。`,
  twice: '大约是正确值的两倍',
  half: '大约是正确值的一半',
  tooLarge: (factor) => `大约是正确值的 ${factor} 倍：请检查小数点`,
  tooSmall: (factor) => `大约只有正确值的 1/${factor}：请检查小数点`,
  scale: (size, signWrong) => `你的答案${size}${signWrong ? '，而且符号也不对' : ''}。`,
  tryAgain: (hasHint) => (hasHint ? '再试一次，或者打开提示。' : '再试一次。'),
  attempt: (n) => `（第 ${n} 次尝试。）`,
  changed: '本页的数值已经改变，答案也随之改变，请重新检查。',
  solvedEarlier: '你之前已解答过这道题。',
  triedBefore: (attempts) => `你之前尝试过 ${attempts} 次。`,
  lastAnswer: (answer) => `你上次的答案是 ${answer}。`,
  lastChoice: '已选中你上次的答案。',
  cleared: '你在这道练习上的进度已清除。',
  chooseFirst: '请先选择一个答案。',
  correctChoice: '正确。',
  wrongChoice: '还不对。',
};

export const zhCN: Words = {
  exercise,
  live,
  learningPath: { soon: '编写中' },
  courseTable: {
    goalsIntro: '学完本章，你将能够：',
    caption: '各章及其学习目标和练习',
    chapter: '章节',
    goals: '读者将能够',
    exercises: '练习',
    answerNumber: '（答案：一个数）',
    answerChoice: (options) => `（答案：${options} 个选项之一）`,
  },
};
