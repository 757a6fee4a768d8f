-- wrk script: POST /tasks with a bearer token from the TOKEN environment variable.
wrk.method = "POST"
wrk.body = '{"title":"bench task","tags":["bench"],"priority":1}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
