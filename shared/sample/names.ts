import type { Rng } from './random';

/** Common surnames, most frequent first (weights fall off with rank), plus a few typical of Taizhou. */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏顾钱严戴缪储卞翟仇季',
];

const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌海波辉宇晨浩宏亮林鹏飞雪梅琳晶燕婷欣怡佳俊峰凯鑫松涛春生荣兵成德',
];

const VILLAGE_SURNAMES = [...'王李张刘陈杨周徐孙朱胡高顾钱戴缪储卞翟季蒋唐沈吴仲薛'];
const VILLAGE_SUFFIXES = ['舍', '垛', '庄', '堡', '家舍', '家庄', '港', '沟', '圩', '湾', '墩'];
const COMMUNITY_WORDS = ['东湖', '新河', '文昌', '人民', '朝阳', '兴南', '振兴', '花园', '幸福', '建新'];

/** Draws a plausible Chinese personal name (surname + one or two given characters). */
export function personName(rng: Rng): string {
  const surname = SURNAMES[
    Math.min(SURNAMES.length - 1, Math.floor(SURNAMES.length * rng.next() ** 1.6))
  ] as string;
  const given = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return surname + given;
}

/** A pool that never hands out the same string twice; `draw` retries the generator until a fresh one appears. */
export function uniquePool(): (make: () => string) => string {
  const used = new Set<string>();
  return (make) => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('name pool exhausted');
  };
}

/** 自然村 names of the Lixiahe plain: surname + 舍/垛/庄/堡… */
export function villageName(rng: Rng): string {
  return rng.pick(VILLAGE_SURNAMES) + rng.pick(VILLAGE_SUFFIXES);
}

/** Town-centre community names (…社区 is appended by the caller). */
export function communityWord(rng: Rng): string {
  return rng.pick(COMMUNITY_WORDS);
}

/** A mainland mobile number (11 digits, 13x–19x). */
export function mobilePhone(rng: Rng): string {
  const prefix = rng.pick([
    '130',
    '131',
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '151',
    '152',
    '158',
    '180',
    '189',
    '199',
  ]);
  let rest = '';
  for (let k = 0; k < 8; k++) rest += String(rng.int(0, 9));
  return prefix + rest;
}

/** A Taizhou landline (area code 0523, 8 digits). */
export function landline(rng: Rng): string {
  let rest = '8';
  for (let k = 0; k < 7; k++) rest += String(rng.int(0, 9));
  return `0523-${rest}`;
}
