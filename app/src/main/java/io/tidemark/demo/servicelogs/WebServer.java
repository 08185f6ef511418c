package io.tidemark.demo.servicelogs;

import java.util.SplittableRandom;

/** The gunicorn master and workers serving Django from a moment on. */
record WebServer(long since, int master, int[] workers, long[][] threads) {
    int worker(SplittableRandom random) {
        return workers[random.nextInt(workers.length)];
    }

    long thread(int worker, SplittableRandom random) {
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] == worker) {
                return threads[i][random.nextInt(threads[i].length)];
            }
        }
        return threads[0][0];
    }
}
