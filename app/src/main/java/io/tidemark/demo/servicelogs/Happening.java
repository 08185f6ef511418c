package io.tidemark.demo.servicelogs;

/** Something every family may react to: a container restart, the incident, or a request followed across logs. */
record Happening(long at, What what, long until, Request request) {

    /** The kinds of happening, in the words of the families that react to them. */
    enum What { RESTART, INCIDENT_BEGINS, DATABASE_CRASH, INCIDENT_ENDS, REQUEST }
}
