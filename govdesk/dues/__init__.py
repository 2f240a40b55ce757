"""党费: the rules of dues (money, months, payments, arrears) as plain functions."""
