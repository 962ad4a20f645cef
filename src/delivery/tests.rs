use super::*;

const NOW: u64 = 1_795_391_999_000;

fn waiting(attempts: u32) -> State {
    State::Waiting { attempts, next: NOW }
}

fn status(status: u16) -> Reply {
    Reply::Status { status, retry_after: None }
}

#[test]
fn a_2xx_answer_is_delivered_at_that_moment() {
    for code in [200, 201, 202, 204] {
        assert_eq!(after_try(&waiting(3), status(code), NOW, 0.5), State::Delivered { at: NOW });
    }
}

#[test]
fn busy_failing_or_silent_endpoints_are_tried_again_later() {
    for answer in [status(408), status(425), status(429), status(500), status(503), Reply::Silent] {
        let State::Waiting { attempts, next } = after_try(&waiting(0), answer, NOW, 0.5) else {
            panic!("{answer:?} is tried again");
        };
        assert_eq!((attempts, next), (1, NOW + FIRST_WAIT_MS), "{answer:?}");
    }
}

#[test]
fn other_4xx_answers_stop_the_tries() {
    for code in [400, 401, 403, 404, 410, 413, 422] {
        assert_eq!(after_try(&waiting(2), status(code), NOW, 0.5), State::Refused { status: code });
    }
    assert_eq!(after_try(&waiting(0), Reply::Blocked, NOW, 0.5), State::Refused { status: 0 });
}

#[test]
fn retry_after_is_honoured_for_429_within_the_longest_wait() {
    let answer = |seconds| Reply::Status { status: 429, retry_after: retry_after(seconds) };
    assert_eq!(after_try(&waiting(0), answer("30"), NOW, 0.9), State::Waiting { attempts: 1, next: NOW + 30_000 });
    assert_eq!(
        after_try(&waiting(0), answer("86400"), NOW, 0.9),
        State::Waiting { attempts: 1, next: NOW + LONGEST_WAIT_MS }
    );
    assert_eq!(retry_after(" 2 "), Some(2_000));
    assert_eq!(retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), None, "a date falls back to the backoff");
}

#[test]
fn the_wait_doubles_from_a_second_to_five_minutes_with_jitter() {
    let waits: Vec<u64> = (1..=12).map(|attempts| backoff(attempts, 0.5)).collect();
    assert_eq!(&waits[..4], &[1_000, 2_000, 4_000, 8_000]);
    assert!(waits.windows(2).all(|pair| pair[0] <= pair[1]), "{waits:?}");
    assert_eq!(backoff(12, 0.5), LONGEST_WAIT_MS);
    assert_eq!(backoff(1_000, 0.5), LONGEST_WAIT_MS, "no overflow however many tries");
    for attempts in 1..=30 {
        let (low, high) = (backoff(attempts, 0.0), backoff(attempts, 1.0));
        let middle = backoff(attempts, 0.5);
        assert_eq!((low, high), (middle * 3 / 4, middle * 5 / 4), "a quarter either way");
        assert!((750..=375_000).contains(&low) && (750..=375_000).contains(&high));
    }
}

#[test]
fn only_a_waiting_delivery_whose_time_has_come_is_due() {
    let mut delivery = Delivery::new("id".into(), "https://collector.example/r", "https://columns.example/a", NOW);
    assert!(delivery.is_due(NOW));
    delivery.state = State::Waiting { attempts: 1, next: NOW + 5 };
    assert!(!delivery.is_due(NOW) && delivery.is_due(NOW + 5));
    delivery.state = State::Delivered { at: NOW };
    assert!(!delivery.is_due(NOW + 5));
    delivery.state = State::Refused { status: 400 };
    assert!(!delivery.is_due(NOW + 5));
}

#[test]
fn an_endpoint_is_named_by_its_host() {
    assert_eq!(host("https://collector.example:8443/r?x"), "collector.example:8443");
    assert_eq!(host("http://[::1]:9000/r#x"), "[::1]:9000");
}

#[test]
fn the_payload_is_the_documented_envelope() {
    let delivery = Delivery::new("9f2c".into(), "https://collector.example/r", "https://columns.example/interim/", NOW);
    let answers = [("question", "interim-fit")];
    let json = Payload::new(&delivery, "survey", "survey-1", NOW, answers).json();
    assert_eq!(
        json,
        r#"{"format":1,"id":"9f2c","flow":"survey","content":"survey-1","language":"en","submitted":"2026-11-22T23:59:59Z","page":"https://columns.example/interim/","answers":[["question","interim-fit"]]}"#
    );
}

#[test]
fn a_delivery_is_stored_with_its_state() {
    let delivery = Delivery {
        state: State::Waiting { attempts: 2, next: 7 },
        ..Delivery::new("a".into(), "https://c.example/r", "p", 1)
    };
    let json = serde_json::to_string(&delivery).unwrap();
    assert_eq!(
        json,
        r#"{"id":"a","endpoint":"https://c.example/r","page":"p","state":{"waiting":{"attempts":2,"next":7}}}"#
    );
    assert_eq!(serde_json::from_str::<Delivery>(&json).unwrap(), delivery);
}
