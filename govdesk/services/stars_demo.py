"""Demo 五星支部: this year's 百分目标 and three quarters of scores for each branch.

The second branch drops below the 生态宜居 threshold in the second quarter (a river clean-up
fell behind) and wins the star back in the third, so the change from last quarter shows a star
lost and regained. Deterministic: its own generator, seeded from the demo's day.
"""

from __future__ import annotations

import random

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.services.stars import StarService
from govdesk.stars.rules import IndicatorInput

# (star, indicator, target, points): 100 points in all.
CATALOGUE: tuple[tuple[str, str, str, int], ...] = (
    ("支部过硬", "班子建设", "支委会分工明确，书记抓党建述职评议为好", 8),
    ("支部过硬", "三会一课", "按时召开支部党员大会、支委会、党小组会和党课，记录完整", 7),
    ("支部过硬", "党员管理", "党费按时足额收缴，流动党员联系率100%", 5),
    ("支部过硬", "阵地建设", "党群服务中心常态开放，设岗定责上墙", 5),
    ("产业兴旺", "集体经济增收", "村集体经营性收入较上年增长10%以上", 10),
    ("产业兴旺", "特色产业", "茶叶、猕猴桃基地管护到位，合作社带动农户增收", 6),
    ("产业兴旺", "带富能手", "每名党员致富能手结对帮带1户以上", 4),
    ("生态宜居", "人居环境整治", "房前屋后干净整洁，乱堆乱放及时清理", 8),
    ("生态宜居", "垃圾分类", "垃圾分类覆盖全部村民小组，日产日清", 6),
    ("生态宜居", "河塘管护", "河长制落实，河塘无漂浮物、无乱倒", 6),
    ("平安法治", "矛盾纠纷化解", "矛盾纠纷排查调处率100%，不出村", 8),
    ("平安法治", "安全生产", "汛期、森林防火、用电安全无事故", 6),
    ("平安法治", "禁毒禁赌", "无涉毒涉赌案件，宣传进户", 6),
    ("文明幸福", "移风易俗", "红白喜事简办，村规民约执行到位", 5),
    ("文明幸福", "志愿服务", "志愿服务队每月开展活动2次以上", 5),
    ("文明幸福", "关爱帮扶", "留守老人、困难群众定期走访", 5),
)
EVIDENCE = ("会议记录", "台账资料", "现场查看", "照片及签到表", "镇考核组检查", "群众测评")
SLIPPED = ("河塘管护", "人居环境整治", "垃圾分类")  # 生态宜居 falls behind in one quarter


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = random.Random(f"stars-{ctx.today.isoformat()}")
    stars = StarService(db)
    year = ctx.today.year
    items = [IndicatorInput(star, name, points, target) for star, name, target, points in CATALOGUE]
    stars.save_catalogue(year, items, {})
    indicators = stars.catalogue(year).indicators
    done = (ctx.today.month - 1) // 3  # quarters already over
    for n, (branch_id, _name) in enumerate(stars.branches()):
        for quarter in range(1, min(done, 3) + 1):
            scores: dict[int, tuple[object, str]] = {}
            for ind in indicators:
                share = rng.uniform(0.82, 1.0)
                if n == 1 and quarter == 2 and ind.name in SLIPPED:
                    share = rng.uniform(0.55, 0.7)
                score = min(ind.points, round(ind.points * share * 2) / 2)
                scores[ind.id] = (score, f"{rng.choice(EVIDENCE)}（第{quarter}季度）")
            stars.set_scores(branch_id, year, quarter, scores)
