package app.rebound.domain.visit;

/** The stages of the programme, from low load to running (clinical reference section 6). */
public enum Stage {
    CONNECT,
    LOW_LOAD,
    BUILD,
    IMPACT_PREP,
    WALK_RUN,
    RUN
}
