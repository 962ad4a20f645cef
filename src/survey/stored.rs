//! The survey's records as JSON, written by hand where the derive can't express the stored
//! shape: a bare list of answers, a comment left out when empty, and a step that is either a
//! word or `{"question": n}`. Records stored by earlier builds keep reading back.

use super::{Answer, Answers, Step};
use miniserde::de::{self, Deserialize, Visitor};
use miniserde::ser::{self, Fragment, Serialize};
use miniserde::{make_place, Error, Result};
use std::borrow::Cow;

make_place!(Place);

impl Serialize for Answers {
    fn begin(&self) -> Fragment<'_> {
        self.0.begin()
    }
}

impl Deserialize for Answers {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Answers> {
    fn seq(&mut self) -> Result<Box<dyn de::Seq + '_>> {
        Ok(Box::new(AnswersBuilder { out: &mut self.out, list: Vec::new(), next: None }))
    }
}

struct AnswersBuilder<'a> {
    out: &'a mut Option<Answers>,
    list: Vec<Answer>,
    next: Option<Answer>,
}

impl de::Seq for AnswersBuilder<'_> {
    fn element(&mut self) -> Result<&mut dyn Visitor> {
        self.list.extend(self.next.take());
        Ok(Deserialize::begin(&mut self.next))
    }
    fn finish(&mut self) -> Result<()> {
        self.list.extend(self.next.take());
        *self.out = Some(Answers(std::mem::take(&mut self.list)));
        Ok(())
    }
}

impl Serialize for Answer {
    fn begin(&self) -> Fragment<'_> {
        Fragment::Map(Box::new(AnswerFields { answer: self, at: 0 }))
    }
}

struct AnswerFields<'a> {
    answer: &'a Answer,
    at: usize,
}

impl ser::Map for AnswerFields<'_> {
    fn next(&mut self) -> Option<(Cow<'_, str>, &dyn Serialize)> {
        self.at += 1;
        let answer = self.answer;
        match self.at {
            1 => Some((Cow::Borrowed("question"), &answer.question)),
            2 => Some((Cow::Borrowed("choices"), &answer.choices)),
            3 if !answer.comment.is_empty() => Some((Cow::Borrowed("comment"), &answer.comment)),
            _ => None,
        }
    }
}

impl Deserialize for Answer {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Answer> {
    fn map(&mut self) -> Result<Box<dyn de::Map + '_>> {
        Ok(Box::new(AnswerBuilder { out: &mut self.out, question: None, choices: None, comment: None }))
    }
}

struct AnswerBuilder<'a> {
    out: &'a mut Option<Answer>,
    question: Option<String>,
    choices: Option<Vec<String>>,
    comment: Option<String>,
}

impl de::Map for AnswerBuilder<'_> {
    fn key(&mut self, key: &str) -> Result<&mut dyn Visitor> {
        Ok(match key {
            "question" => Deserialize::begin(&mut self.question),
            "choices" => Deserialize::begin(&mut self.choices),
            "comment" => Deserialize::begin(&mut self.comment),
            _ => <dyn Visitor>::ignore(),
        })
    }
    fn finish(&mut self) -> Result<()> {
        let question = self.question.take().ok_or(Error)?;
        let choices = self.choices.take().unwrap_or_default();
        *self.out = Some(Answer { question, choices, comment: self.comment.take().unwrap_or_default() });
        Ok(())
    }
}

impl Serialize for Step {
    fn begin(&self) -> Fragment<'_> {
        match self {
            Step::Intro => Fragment::Str(Cow::Borrowed("intro")),
            Step::Question(index) => Fragment::Map(Box::new(QuestionField(Some(index)))),
            Step::Review => Fragment::Str(Cow::Borrowed("review")),
            Step::Thanks => Fragment::Str(Cow::Borrowed("thanks")),
        }
    }
}

/// The one field of `{"question": n}`.
struct QuestionField<'a>(Option<&'a usize>);

impl ser::Map for QuestionField<'_> {
    fn next(&mut self) -> Option<(Cow<'_, str>, &dyn Serialize)> {
        Some((Cow::Borrowed("question"), self.0.take()?))
    }
}

impl Deserialize for Step {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Step> {
    fn string(&mut self, word: &str) -> Result<()> {
        self.out = Some(match word {
            "intro" => Step::Intro,
            "review" => Step::Review,
            "thanks" => Step::Thanks,
            _ => return Err(Error),
        });
        Ok(())
    }
    fn map(&mut self) -> Result<Box<dyn de::Map + '_>> {
        Ok(Box::new(QuestionBuilder { out: &mut self.out, index: None }))
    }
}

struct QuestionBuilder<'a> {
    out: &'a mut Option<Step>,
    index: Option<usize>,
}

impl de::Map for QuestionBuilder<'_> {
    fn key(&mut self, key: &str) -> Result<&mut dyn Visitor> {
        match key {
            "question" => Ok(Deserialize::begin(&mut self.index)),
            _ => Err(Error),
        }
    }
    fn finish(&mut self) -> Result<()> {
        *self.out = Some(Step::Question(self.index.take().ok_or(Error)?));
        Ok(())
    }
}
