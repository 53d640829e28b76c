-- wrk script: every request joins the counselling line with the same antiforgery pair, as one browser would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.body = "__RequestVerificationToken=" .. os.getenv("BENCH_TOKEN") .. "&Input.Topic=Grief&Input.Form=Either"
