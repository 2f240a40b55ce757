"""志愿服务队: the rules of teams, memberships, activities and hours (``rules``)."""
