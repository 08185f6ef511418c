package io.tidemark.demo.servicelogs;

/** One kind of task a queue runs: how often, how long, what it logs and returns, and how it tends to fail. */
record TaskKind(String name, int weight, int minMillis, int maxMillis, String[] steps, String result,
                Trouble trouble, boolean scheduled) {

    /** The way a kind of task tends to fail. */
    enum Trouble { NONE, HTTP_TIMEOUT, RATE_LIMIT, SMTP, DUPLICATE, WEBHOOK }
}
