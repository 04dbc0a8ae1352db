import type { Rng } from './prng.js';
import { addressPrefix, type County } from './regions.js';

const SUBDISTRICTS = [
  '城关',
  '东城',
  '西城',
  '南湖',
  '北园',
  '新城',
  '滨江',
  '金山',
  '龙华',
  '长安',
  '凤凰',
  '荷花',
  '桂花',
  '梅园',
  '兴华',
  '江南',
  '城北',
  '城南',
  '新华',
  '光明',
];
const ROADS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '新华路',
  '和平路',
  '胜利路',
  '文化路',
  '长江路',
  '黄河路',
  '健康路',
  '光明路',
  '朝阳路',
  '东风路',
  '迎宾大道',
  '滨江路',
  '青年路',
  '幸福路',
  '学府路',
  '科技路',
  '工业大道',
  '花园路',
  '公园路',
  '滨河路',
  '北京路',
  '南京路',
  '延安路',
  '湖滨路',
  '振兴路',
  '金湖路',
];
const ESTATES = [
  '阳光花园',
  '锦绣家园',
  '碧桂园',
  '万科城',
  '金色家园',
  '翠苑小区',
  '幸福里',
  '和谐家园',
  '御景湾',
  '中央公园',
  '星河湾',
  '保利花园',
  '绿地新都会',
  '恒大名都',
  '书香门第',
  '紫荆苑',
  '丽景华庭',
  '金地格林',
  '春江花月',
  '东方明珠苑',
];
const TOWNS = [
  '新集',
  '王集',
  '李庄',
  '张店',
  '柳林',
  '石桥',
  '白沙',
  '河口',
  '三里',
  '马坊',
  '黄土',
  '大营',
  '高庙',
  '青山',
  '双河',
  '龙泉',
  '太平',
  '永安',
];
const VILLAGES = [
  '王庄',
  '李家',
  '张湾',
  '刘营',
  '陈家',
  '杨柳',
  '赵庄',
  '周家',
  '吴家',
  '后湾',
  '前进',
  '红星',
  '新民',
  '东风',
  '小河',
  '大树',
  '孙庄',
  '马岭',
];
const BUSINESS_TOWERS = [
  '国际金融中心',
  '财富广场',
  '时代大厦',
  '环球中心',
  '世纪商务中心',
  '中信大厦',
  '华润大厦',
  '万达广场',
];

function isRural(county: County): boolean {
  return county.name.endsWith('县') || county.name.endsWith('旗');
}

/** A flat in a city: 省 市 区 街道 路 号 小区 栋 室. */
function urbanAddress(rng: Rng, county: County): string {
  const floor = rng.int(1, 33);
  const room = `${floor}${String(rng.int(1, 8)).padStart(2, '0')}`;
  const subdistrict = rng.chance(0.6) ? `${rng.pick(SUBDISTRICTS)}街道` : '';
  return `${addressPrefix(county)}${subdistrict}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(ESTATES)}${rng.int(1, 30)}栋${room}室`;
}

/** A village house: 省 市 县 镇 村 组 号. */
function ruralAddress(rng: Rng, county: County): string {
  return `${addressPrefix(county)}${rng.pick(TOWNS)}镇${rng.pick(VILLAGES)}村${rng.int(1, 12)}组${rng.int(1, 99)}号`;
}

export function homeAddress(rng: Rng, county: County): string {
  return isRural(county) && rng.chance(0.7) ? ruralAddress(rng, county) : urbanAddress(rng, county);
}

/** Offices of agencies and bank outlets. */
export function officeAddress(rng: Rng, county: County): string {
  return `${addressPrefix(county)}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(BUSINESS_TOWERS)}${rng.int(2, 40)}层${rng.int(1, 20)}室`;
}
